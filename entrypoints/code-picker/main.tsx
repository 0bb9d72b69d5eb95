/** @jsxImportSource preact */
import { render } from 'preact';
import './picker.css';
import { App } from './App';
import { sendMessage } from '@/utils/protocol';
import { connectToPage } from './page-channel';

render(<App channel={connectToPage(window, () => sendMessage('pickerSession', {}))} />, document.getElementById('root')!);
