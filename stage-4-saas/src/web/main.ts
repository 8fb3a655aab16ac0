import './journey-app';
import { HttpAuth } from './auth-client';
import { HttpOrgs } from './orgs-client';
import { HttpPatternStore } from './store';

// The page only draws: the store sends every change to the server, which keeps the patterns (each
// organization's own) and runs the engine. The session is a cookie the page never reads; when the
// server stops accepting it, the store tells the page, which shows the sign-in form again.
const app = document.createElement('journey-app');
app.auth = new HttpAuth();
app.store = new HttpPatternStore('', () => app.sessionEnded());
app.orgsClient = new HttpOrgs('', () => app.sessionEnded());
document.body.append(app);
