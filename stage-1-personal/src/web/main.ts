import './journey-app';
import { LocalPatternStore } from './store';

// The whole app runs in this page: the store keeps patterns in localStorage and runs the engine.
const app = document.createElement('journey-app');
app.store = new LocalPatternStore(window.localStorage);
document.body.append(app);
