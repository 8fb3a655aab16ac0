import './journey-app';
import { HttpPatternStore } from './store';

// The page only draws: the store sends every change to the server, which keeps the patterns
// and runs the engine.
const app = document.createElement('journey-app');
app.store = new HttpPatternStore();
document.body.append(app);
