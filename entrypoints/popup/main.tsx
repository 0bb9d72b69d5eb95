import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';

// Marks for the bench and the Performance panel (the others are in usePopupView.ts).
performance.mark('popup:render');
createRoot(document.getElementById('root')!).render(<App />);
