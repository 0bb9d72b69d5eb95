import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './options.css';
import { OptionsRoot } from './App';

createRoot(document.getElementById('root')!).render(<OptionsRoot />);
