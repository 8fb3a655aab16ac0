import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, SsoSettings } from '../shared/api';
import type { HttpSso } from './sso-client';
import { ApiError } from './store';
import { panelStyles } from './panel-styles';

type Field = 'issuer' | 'clientId' | 'clientSecret' | 'emailDomain';
const EMPTY: Record<Field, string> = { issuer: '', clientId: '', clientSecret: '', emailDomain: '' };

/**
 * "Single sign-on" (owners): the organization's OpenID Connect provider. The client secret is
 * write-only: the server stores it encrypted and never sends it back, so the field stays empty
 * ("leave empty to keep it"). "Check issuer" reads the provider's discovery document, as saving does.
 */
@customElement('journey-sso-settings')
export class SsoSettingsForm extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      form {
        display: grid;
        gap: 0.9rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.8rem 1rem;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .issuer {
        display: flex;
        gap: 0.5rem;
        align-items: stretch;
      }
      .issuer input {
        flex: 1;
        min-width: 0;
      }
      select {
        width: 100%;
        padding: 0.6rem 0.5rem;
        border-radius: 10px;
      }
      .switch {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        font-weight: 600;
      }
      .switch input {
        width: auto;
        margin-top: 0.2rem;
      }
      .switch span {
        display: block;
        font-weight: 400;
        color: var(--_muted);
        font-size: 0.85rem;
      }
      .checked {
        font-size: 0.85rem;
        margin-top: 0.35rem;
        color: var(--_success);
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        gap: 0.6rem;
        flex-wrap: wrap;
        justify-content: space-between;
      }
      .callback {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.8rem;
        overflow-wrap: anywhere;
      }
      @media (max-width: 560px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client!: HttpSso;

  /** What the server has: null (none yet), or undefined while loading. */
  @state() private saved: SsoSettings | null | undefined;
  @state() private values = { ...EMPTY };
  @state() private ssoRequired = false;
  @state() private defaultRole: 'member' | 'admin' = 'member';
  @state() private busy = false;
  @state() private error = '';
  @state() private done = '';
  @state() private checked = '';
  @state() private fieldErrors: Record<string, string> = {};

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('org')) void this.load(); // another organization is active: its own settings
  }

  private async load() {
    this.saved = undefined; // the form waits for the saved values: typing first would be overwritten
    try {
      this.show(await this.client.get(this.org.id));
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private show(saved: SsoSettings | null) {
    this.saved = saved;
    this.values = saved ? { issuer: saved.issuer, clientId: saved.clientId, clientSecret: '', emailDomain: saved.emailDomain } : { ...EMPTY };
    this.ssoRequired = saved?.ssoRequired ?? false;
    this.defaultRole = saved?.defaultRole ?? 'member';
  }

  override render() {
    if (this.saved === undefined && !this.error) return html`<h2>Single sign-on</h2><p class="lead" role="status">Loading…</p>`;
    const callback = `${location.origin}/api/auth/sso/callback`;
    return html`
      <header>
        <h2 id="sso-title">Single sign-on</h2>
        ${this.saved ? html`<span class="chip">On for ${this.saved.emailDomain}</span>` : html`<span class="chip muted">Off</span>`}
      </header>
      <form novalidate @submit=${this.submit} aria-labelledby="sso-title">
        <p class="lead">
          People with an email on your domain sign in at your identity provider (OpenID Connect: Okta, Entra ID, Google,
          Keycloak…) and join ${this.org.name} the first time they do. Register this redirect URI there:
          <span class="callback">${callback}</span>
        </p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
        <div class="grid">
          <div class="wide">
            <label for="sso-issuer">Issuer URL</label>
            <div class="issuer">
              ${this.input('issuer', 'url', 'https://login.example.com')}
              <button type="button" class="quiet" @click=${this.check} ?disabled=${this.busy}>Check issuer</button>
            </div>
            ${this.checked ? html`<p class="checked" role="status">${this.checked}</p>` : nothing} ${this.errorOf('issuer')}
          </div>
          <div>
            <label for="sso-clientId">Client ID</label>
            ${this.input('clientId', 'text')} ${this.errorOf('clientId')}
          </div>
          <div>
            <label for="sso-clientSecret">Client secret</label>
            ${this.input('clientSecret', 'password', this.saved ? 'Saved: leave empty to keep it' : '')} ${this.errorOf('clientSecret')}
          </div>
          <div>
            <label for="sso-emailDomain">Email domain</label>
            ${this.input('emailDomain', 'text', 'example.com')} ${this.errorOf('emailDomain')}
          </div>
          <div>
            <label for="sso-role">Role for new people</label>
            <select id="sso-role" @change=${(e: Event) => (this.defaultRole = (e.target as HTMLSelectElement).value as 'member' | 'admin')}>
              ${(['member', 'admin'] as const).map((role) => html`<option value=${role} .selected=${role === this.defaultRole}>${role}</option>`)}
            </select>
          </div>
          <label class="switch wide">
            <input type="checkbox" .checked=${this.ssoRequired} @change=${(e: Event) => (this.ssoRequired = (e.target as HTMLInputElement).checked)} />
            <div>SSO required<span>Nobody on this domain may sign in or sign up with a password.</span></div>
          </label>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Checking the provider…' : 'Save single sign-on'}</button>
          ${this.saved ? html`<button type="button" class="quiet" @click=${this.turnOff} ?disabled=${this.busy}>Turn off</button>` : nothing}
        </div>
      </form>
    `;
  }

  private input(name: Field, type: string, placeholder = '') {
    const error = this.fieldErrors[name];
    return html`<input
      id="sso-${name}"
      type=${type}
      autocomplete=${type === 'password' ? 'new-password' : 'off'}
      placeholder=${placeholder}
      .value=${this.values[name]}
      @input=${(e: Event) => ((this.values = { ...this.values, [name]: (e.target as HTMLInputElement).value }), (this.fieldErrors = { ...this.fieldErrors, [name]: '' }))}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `sso-${name}-error` : nothing}
    />`;
  }

  private errorOf(name: Field) {
    const error = this.fieldErrors[name];
    return error ? html`<p class="field-error" id="sso-${name}-error">${error}</p>` : nothing;
  }

  /** Runs one request with the busy flag, showing field errors under their fields and the rest on top. */
  private async run(work: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.error = this.done = this.checked = '';
    this.fieldErrors = {};
    try {
      await work();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = fields;
      if (Object.keys(fields).length === 0) this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private check = () =>
    this.run(async () => {
      const found = await this.client.check(this.org.id, this.values.issuer);
      this.checked = `✓ ${found.issuer} answers; sign-in page: ${found.authorizationEndpoint}`;
    });

  private submit = (event: Event) => {
    event.preventDefault();
    return this.run(async () => {
      const { clientSecret, ...rest } = this.values;
      const saved = await this.client.save(this.org.id, {
        ...rest,
        ...(clientSecret ? { clientSecret } : {}),
        ssoRequired: this.ssoRequired,
        defaultRole: this.defaultRole,
      });
      this.show(saved);
      this.done = `Saved. People with an @${saved.emailDomain} email now sign in with single sign-on.`;
    });
  };

  private turnOff = () =>
    this.run(async () => {
      await this.client.remove(this.org.id);
      this.show(null);
      this.done = 'Single sign-on is off: everyone signs in with a password again.';
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-sso-settings': SsoSettingsForm;
  }
}
