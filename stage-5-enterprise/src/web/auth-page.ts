import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { SsoDiscovery, User } from '../shared/api';
import type { HttpAuth } from './auth-client';
import { resetDone, signedIn, signedUp } from './events';
import { ApiError } from './store';

export type AuthMode = 'sign-in' | 'sign-up' | 'forgot' | 'reset';

const TITLES: Record<AuthMode, string> = {
  'sign-in': 'Sign in',
  'sign-up': 'Create your account',
  forgot: 'Reset your password',
  reset: 'Choose a new password',
};

/** What each refusal of the SSO callback (#sso-error=…, from routes/sso.ts) means to a person. */
const SSO_ERRORS: Record<string, string> = {
  not_configured: 'Single sign-on is not set up for that email any more. Sign in with your password.',
  provider_unreachable: 'Your identity provider could not be reached. Try again in a moment.',
  state: 'That sign-in link was used already, expired, or was started in another browser. Start again.',
  nonce: 'Your identity provider answered for another sign-in. Start again.',
  provider: 'Your identity provider refused the sign-in. Start again, or ask your administrator.',
  unverified: 'Your identity provider has not verified your email. Ask your administrator.',
  domain: 'You signed in at your provider with an email of another domain. Use your work email.',
  account_exists: 'An account with this email already exists. Sign in with your password, and ask an owner to invite you.',
};

/** Reads (and removes) a refused SSO login's reason from the address: #sso-error=state. */
function takeSsoError(): string {
  const reason = /^#sso-error=(\w+)$/.exec(location.hash)?.[1];
  if (!reason) return '';
  history.replaceState(null, '', location.pathname + location.search);
  return SSO_ERRORS[reason] ?? 'Single sign-on failed. Start again.';
}

const SUBMIT: Record<AuthMode, string> = {
  'sign-in': 'Sign in',
  'sign-up': 'Create account',
  forgot: 'Send reset link',
  reset: 'Set new password',
};

/**
 * The way in: sign in (email first: an organization's SSO domain goes to its identity provider,
 * every other email gets the password field), sign up, ask for a reset link, set a new password with one. The server does
 * every check (and says what is wrong, field by field); this form only shows its answers. Fires
 * SIGNED_IN with the user once the server has set the session cookie (after SIGNED_UP for a new
 * account), RESET_DONE after a reset.
 */
@customElement('journey-auth-page')
export class AuthPage extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        max-width: 26rem;
        margin: 0 auto;
      }
      form {
        display: grid;
        gap: 1rem;
      }
      h2 {
        font-size: 1.25rem;
      }
      .lead,
      .hint {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .hint {
        margin-top: 0.35rem;
        font-size: 0.82rem;
      }
      button[type='submit'] {
        width: 100%;
        padding: 0.7rem 1rem;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem;
        font-size: 0.9rem;
      }
      .link {
        background: none;
        border: none;
        padding: 0;
        color: var(--_accent);
        font-weight: 600;
        font-size: inherit;
        cursor: pointer;
      }
      .link:hover {
        text-decoration: underline;
        filter: none;
      }
      .sso {
        display: grid;
        gap: 0.75rem;
        padding: 1rem;
        border: 1px solid var(--_border);
        border-radius: 12px;
        background: color-mix(in srgb, var(--_accent) 6%, transparent);
      }
      .sso p {
        margin: 0;
      }
      a.button {
        display: block;
        text-align: center;
        text-decoration: none;
        padding: 0.7rem 1rem;
        border-radius: 10px;
        background: var(--_accent);
        color: var(--_on-accent, #fff);
        font-weight: 600;
      }
      a.button:hover {
        filter: brightness(1.08);
      }
      .done {
        color: var(--_success);
        background: color-mix(in srgb, var(--_success) 8%, transparent);
        border-radius: 10px;
        padding: 0.5rem 0.75rem;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) auth!: HttpAuth;
  /** The mode to open in; the page sets it, the form's own links then move between modes. */
  @property() mode: AuthMode = 'sign-in';
  /** The token from a reset link (mode "reset"). */
  @property({ attribute: false }) resetToken = '';

  /** The mode shown: seeded from `mode`, changed by the form itself (never writing back to `mode`). */
  @state() private current: AuthMode = 'sign-in';
  @state() private email = '';
  @state() private password = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private fieldErrors: Record<string, string> = {};
  /** A success to show (e.g. "reset link sent"), kept across a change of mode. */
  @state() private done = '';
  /** Signing in: the email's SSO answer once "Continue" asked; undefined before. */
  @state() private sso: SsoDiscovery | undefined;
  /** The person chose the password although their domain offers SSO (allowed unless required). */
  @state() private passwordInstead = false;

  override connectedCallback() {
    super.connectedCallback();
    this.error = takeSsoError();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('mode')) this.current = this.mode;
  }

  override render() {
    const title = TITLES[this.current];
    return html`
      <form novalidate @submit=${this.submit} aria-labelledby="auth-title">
        <h2 id="auth-title">${title}</h2>
        ${this.lead()}
        ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        ${this.current === 'reset' ? nothing : this.field('email', 'Email', 'email', 'username')}
        ${this.current === 'sign-in' && this.step() !== 'password' ? this.ssoStep() : this.passwordStep()}
        <div class="links">${this.links()}</div>
      </form>
    `;
  }

  /** Signing in: "email" until Continue, then "sso" for an SSO domain, else "password". */
  private step(): 'email' | 'sso' | 'password' {
    if (!this.sso) return 'email';
    return this.sso.sso && !this.passwordInstead ? 'sso' : 'password';
  }

  private ssoStep() {
    if (this.step() === 'email') {
      return html`<button type="submit" ?disabled=${this.busy}>${this.busy ? 'One moment…' : 'Continue'}</button>`;
    }
    const domain = this.email.slice(this.email.lastIndexOf('@') + 1);
    return html`<div class="sso">
      <p>
        <strong>${domain}</strong> signs in with single sign-on${this.sso!.required ? '' : ', or with a password'}.
      </p>
      <a class="button" href=${this.sso!.startUrl!}>Continue with SSO</a>
      ${this.sso!.required
        ? nothing
        : html`<button type="button" class="link" @click=${() => (this.passwordInstead = true)}>Use a password instead</button>`}
    </div>`;
  }

  private passwordStep() {
    return html`
        ${this.current === 'forgot'
          ? nothing
          : this.field(
              'password',
              this.current === 'sign-in' ? 'Password' : 'New password',
              'password',
              this.current === 'sign-in' ? 'current-password' : 'new-password',
              this.current === 'sign-in' ? '' : 'At least 8 characters (at most 72 bytes), not a common password.',
            )}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'One moment…' : SUBMIT[this.current]}</button>
    `;
  }

  private lead() {
    const text = {
      'sign-in': 'Sign in to teach and chat with your organization’s bot.',
      'sign-up': 'Your account starts with an organization of its own; invite colleagues to share its patterns.',
      forgot: 'Enter your email; if it has an account, we mail you a link that works once, for 30 minutes.',
      reset: 'Pick a new password. Every device signed in to your account will be signed out.',
    }[this.current];
    return html`<p class="lead">${text}</p>`;
  }

  private field(name: 'email' | 'password', label: string, type: string, autocomplete: string, hint = '') {
    const error = this.fieldErrors[name];
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div>
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        .value=${name === 'email' ? this.email : this.password}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        required
      />
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  private links() {
    const to = (mode: AuthMode, text: string) =>
      html`<button type="button" class="link" @click=${() => this.switchTo(mode)}>${text}</button>`;
    switch (this.current) {
      case 'sign-in':
        return html`${to('sign-up', 'Create an account')} ${to('forgot', 'Forgot your password?')}`;
      case 'sign-up':
        return html`<span>Already have an account?</span> ${to('sign-in', 'Sign in')}`;
      default:
        return to('sign-in', 'Back to sign in');
    }
  }

  private set(name: 'email' | 'password', value: string) {
    if (name === 'email') {
      this.email = value;
      this.sso = undefined; // another email: ask again
      this.passwordInstead = false;
    }
    else this.password = value;
    this.fieldErrors = { ...this.fieldErrors, [name]: '' };
  }

  private switchTo(mode: AuthMode, done = '') {
    this.current = mode;
    this.password = '';
    this.sso = undefined;
    this.passwordInstead = false;
    this.error = '';
    this.fieldErrors = {};
    this.done = done;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.fieldErrors = {};
    this.done = '';
    try {
      await this.send();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = fields;
      // A message tied to a field shows under that field; anything else shows on top.
      if (Object.keys(fields).length === 0) this.error = errorMessage(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async send() {
    switch (this.current) {
      case 'sign-in':
        if (this.step() === 'email') {
          this.sso = await this.auth.discoverSso(this.email);
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>(this.step() === 'sso' ? '.sso a' : '#password')?.focus();
          return;
        }
        return this.signedIn(await this.auth.logIn(this.email, this.password).catch((error) => this.ssoRequired(error)));
      case 'sign-up': {
        const user = await this.auth.signUp(this.email, this.password);
        this.dispatchEvent(signedUp());
        return this.signedIn(user);
      }
      case 'forgot':
        this.done = await this.auth.forgotPassword(this.email);
        return;
      case 'reset':
        await this.auth.resetPassword(this.resetToken, this.password);
        this.dispatchEvent(resetDone());
        return this.switchTo('sign-in', 'Your password is changed. Sign in with the new one.');
    }
  }

  /** The domain made SSO required meanwhile: the server's 403 carries where to go. */
  private ssoRequired(error: unknown): never {
    const startUrl = (error instanceof ApiError && error.code === 'sso_required' && (error.details as { startUrl?: string }).startUrl) || null;
    if (startUrl) {
      this.sso = { sso: true, required: true, startUrl };
      this.passwordInstead = false;
    }
    throw error;
  }

  private signedIn(user: User) {
    this.password = '';
    this.dispatchEvent(signedIn(user));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-auth-page': AuthPage;
  }
}
