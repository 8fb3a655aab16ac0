import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, OwnershipTransfer, User } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { orgsChanged } from './events';
import { day, panelStyles } from './panel-styles';

/**
 * The organization's pending ownership offer, where it matters: the member it is offered to
 * accepts or declines it; an owner sees it waiting and may cancel it. Hidden when there is none
 * (and for everyone else). Roles change only when the member accepts, on the server.
 */
@customElement('journey-ownership-offer')
export class OwnershipOffer extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        border-color: color-mix(in srgb, var(--_accent) 40%, var(--_border));
        background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
      }
      :host([hidden]) {
        display: none;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.8rem;
      }
      p + p {
        margin-top: 0.35rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) user!: User;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private transfer: OwnershipTransfer | null = null;
  @state() private busy = false;
  @state() private error = '';

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('org')) void this.load();
  }

  override updated() {
    this.hidden = !this.shown();
  }

  /** Reads the offer again (the members list calls it after making one). */
  async load() {
    try {
      this.transfer = await this.client.transfer(this.org.id);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private shown(): boolean {
    return this.error !== '' || (this.transfer !== null && (this.forMe() || this.org.role === 'owner'));
  }

  private forMe(): boolean {
    return this.transfer?.to.userId === this.user.id;
  }

  override render() {
    const transfer = this.transfer;
    return html`
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${transfer && this.forMe() ? this.offered(transfer) : transfer && this.org.role === 'owner' ? this.waiting(transfer) : nothing}
    `;
  }

  private offered(transfer: OwnershipTransfer) {
    return html`<section role="region" aria-labelledby="offer-title">
      <h2 id="offer-title">${transfer.from.email} offers you ownership of ${this.org.name}</h2>
      <p class="lead">
        If you accept, you become an owner (billing, naming owners, deleting the organization) and ${transfer.from.email}
        becomes an admin. The offer stands until ${day(transfer.expiresAt)}.
      </p>
      <div class="buttons">
        <button ?disabled=${this.busy} @click=${this.accept}>Accept ownership</button>
        <button class="quiet" ?disabled=${this.busy} @click=${this.decline}>Decline</button>
      </div>
    </section>`;
  }

  private waiting(transfer: OwnershipTransfer) {
    return html`<section role="region" aria-labelledby="offer-title">
      <h2 id="offer-title">Ownership offered to ${transfer.to.email}</h2>
      <p class="lead">
        Nothing changes until they accept: then they become owner and ${transfer.from.userId === this.user.id ? 'you become' : `${transfer.from.email} becomes`}
        an admin. The offer stands until ${day(transfer.expiresAt)}.
      </p>
      <div class="buttons">
        <button class="quiet" ?disabled=${this.busy} @click=${this.cancel}>Cancel the offer</button>
      </div>
    </section>`;
  }

  private readonly accept = () =>
    this.act(async () => {
      const org = await this.client.acceptTransfer(this.org.id);
      this.dispatchEvent(orgsChanged({ notice: `You are now an owner of ${org.name}.` }));
    });

  private readonly decline = () =>
    this.act(async () => {
      await this.client.declineTransfer(this.org.id);
      this.transfer = null;
    });

  private readonly cancel = () =>
    this.act(async () => {
      await this.client.cancelTransfer(this.org.id);
      this.transfer = null;
    });

  /** One action at a time; a refusal is shown word for word, and the offer is read again. */
  private async act(work: () => Promise<void>) {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = errorMessage(error);
      await this.load();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-ownership-offer': OwnershipOffer;
  }
}
