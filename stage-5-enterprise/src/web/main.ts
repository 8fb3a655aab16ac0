import './journey-app';
import { HttpAuth } from './auth-client';
import { HttpBilling } from './billing-client';
import { HttpOrgs } from './orgs-client';
import { HttpPatternStore } from './store';

// The page only draws: the store sends every change to the server, which keeps the patterns (each
// organization's own) and runs the engine. The session is a cookie the page never reads; when the
// server stops accepting it, the store tells the page, which shows the sign-in form again. When the
// organization's plan is full (402), the store tells the page too, which offers an upgrade.
const app = document.createElement('journey-app');
app.auth = new HttpAuth();
app.store = new HttpPatternStore(
  '',
  () => app.sessionEnded(),
  (error) => app.planLimited(error),
);
app.orgsClient = new HttpOrgs('', () => app.sessionEnded());
app.billing = new HttpBilling('', () => app.sessionEnded());
document.body.append(app);
