import { createRoot } from 'react-dom/client';
import './picker.css';
import { App } from './App';
import { sendMessage } from '@/utils/protocol';
import { connectToPage } from './page-channel';

createRoot(document.getElementById('root')!).render(<App channel={connectToPage(window, () => sendMessage('pickerSession', {}))} />);
