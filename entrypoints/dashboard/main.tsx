import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './dashboard.css';
import { sendMessage } from '@/utils/protocol';
import { DashboardRoot, startFirstScreenRead } from './App';

// Marks for the bench and the Performance panel.
performance.mark('dashboard:render');
startFirstScreenRead();
createRoot(document.getElementById('root')!).render(<DashboardRoot />);
// Opening the dashboard pulls the team sheet's latest (nothing is sent anywhere when it is not connected).
void sendMessage('teamSheetSync', {}).catch(() => {});
