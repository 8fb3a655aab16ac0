import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, User } from '../shared/api';
import { ApiError, request } from './store';
import { panelStyles } from './panel-styles';

/**
 * "Contact support": the message becomes a ticket with the active organization and the user
 * (POST /api/support); the platform's admins answer it by mail, to the user's email.
 */
@customElement('journey-support-form')
export class SupportForm extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        max-width: 40rem;
      }
      form {
        display: grid;
        gap: 0.8rem;
      }
      textarea {
        min-height: 8rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) user!: User;

  @state() private message = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private fieldError = '';
  @state() private sent = false;

  override render() {
    return html`
      <header><h2 id="support-title">Contact support</h2></header>
      <form novalidate @submit=${this.submit} aria-labelledby="support-title">
        <p class="lead">
          Something wrong, or a question? Write to the people who run this service. It is sent about ${this.org.name}, and the
          answer comes by email to ${this.user.email}.
        </p>
        ${this.sent ? html`<p class="done" role="status">Thank you: your message was sent to support. We will answer by email to ${this.user.email}.</p>` : nothing}
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        <div>
          <label for="support-message">Your message</label>
          <textarea
            id="support-message"
            maxlength="5000"
            .value=${this.message}
            @input=${(e: Event) => ((this.message = (e.target as HTMLTextAreaElement).value), (this.fieldError = ''))}
            aria-invalid=${this.fieldError ? 'true' : 'false'}
            aria-describedby=${this.fieldError ? 'support-message-error' : nothing}
          ></textarea>
          ${this.fieldError ? html`<p class="field-error" id="support-message-error">${this.fieldError}</p>` : nothing}
        </div>
        <div><button type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : 'Send to support'}</button></div>
      </form>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.fieldError = '';
    this.sent = false;
    try {
      await request('', 'POST', '/api/support', { message: this.message });
      this.sent = true;
      this.message = '';
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.message : undefined;
      if (field) this.fieldError = field;
      else this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-support-form': SupportForm;
  }
}
