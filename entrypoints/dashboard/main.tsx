import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './dashboard.css';
import { sendMessage } from '@/utils/protocol';
import { DashboardRoot } from './App';

createRoot(document.getElementById('root')!).render(<DashboardRoot />);
// Opening the dashboard pulls the team sheet's latest (nothing is sent anywhere when it is not connected).
void sendMessage('teamSheetSync', {}).catch(() => {});
