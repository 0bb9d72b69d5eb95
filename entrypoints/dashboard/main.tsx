import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './dashboard.css';
import { DashboardRoot } from './App';

createRoot(document.getElementById('root')!).render(<DashboardRoot />);
