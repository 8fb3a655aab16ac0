import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { User } from '../shared/api';
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

const SUBMIT: Record<AuthMode, string> = {
  'sign-in': 'Sign in',
  'sign-up': 'Create account',
  forgot: 'Send reset link',
  reset: 'Set new password',
};

/**
 * The way in: sign in, sign up, ask for a reset link, set a new password with one. The server does
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
        <div class="links">${this.links()}</div>
      </form>
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
    if (name === 'email') this.email = value;
    else this.password = value;
    this.fieldErrors = { ...this.fieldErrors, [name]: '' };
  }

  private switchTo(mode: AuthMode, done = '') {
    this.current = mode;
    this.password = '';
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
        return this.signedIn(await this.auth.logIn(this.email, this.password));
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
