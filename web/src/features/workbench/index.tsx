// Staff workbench: the queue of cases in the user's scope and the case page where they are decided.
export { QueuePage as WorkbenchQueuePage } from './QueuePage.tsx';
export { CasePage as WorkbenchCasePage } from './CasePage.tsx';
