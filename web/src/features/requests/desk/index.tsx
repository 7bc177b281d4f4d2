// The 12345 desk of the hotline centre and the departments: queue, call entry, request page.
import './desk.css';
export { DeskQueuePage } from './DeskQueuePage.tsx';
export { NewRequestPage as DeskNewRequestPage } from './NewRequestPage.tsx';
export { RequestPage as DeskRequestPage } from './RequestPage.tsx';
