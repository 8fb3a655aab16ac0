import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { orgsChanged } from './events';
import { goHome } from './route';
import { panelStyles } from './panel-styles';

/**
 * Deleting the organization (owners): its patterns, members and invitations go with it. The name
 * typed again is the brake; the server checks it too, and the role.
 */
@customElement('journey-delete-org')
export class DeleteOrg extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        border-color: color-mix(in srgb, var(--_danger) 40%, var(--_border));
      }
      h2 {
        color: var(--_danger);
      }
      form {
        display: grid;
        gap: 0.8rem;
      }
      .row {
        display: flex;
        gap: 0.6rem;
        flex-wrap: wrap;
        align-items: end;
      }
      .row > div {
        flex: 1 1 14rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private typed = '';
  @state() private busy = false;
  @state() private error = '';

  override render() {
    const matches = this.typed === this.org.name || this.typed === this.org.slug;
    return html`<form novalidate @submit=${this.submit} aria-labelledby="delete-title">
      <h2 id="delete-title">Delete this organization</h2>
      <p class="lead">
        Deletes ${this.org.name} for everyone: all its patterns, its members' access and its pending invitations.
        There is no undo.
      </p>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <div>
          <label for="confirm-name">Type <strong>${this.org.name}</strong> to confirm</label>
          <input
            id="confirm-name"
            autocomplete="off"
            spellcheck="false"
            .value=${this.typed}
            @input=${(e: Event) => ((this.typed = (e.target as HTMLInputElement).value), (this.error = ''))}
          />
        </div>
        <button type="submit" class="danger" ?disabled=${!matches || this.busy}>
          ${this.busy ? 'Deleting…' : 'Delete organization'}
        </button>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.client.remove(this.org.id, this.typed);
      this.typed = '';
      this.dispatchEvent(orgsChanged({ notice: `Deleted ${this.org.name}.` }));
      goHome();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-delete-org': DeleteOrg;
  }
}
