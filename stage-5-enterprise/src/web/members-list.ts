import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Member, Org, Role, User } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { orgsChanged } from './events';
import { goHome } from './route';
import { canManage, grantable, withArticle } from './roles';
import { day, panelStyles } from './panel-styles';

/**
 * The organization's members: email, role, joined. Admins and owners change roles and remove
 * people; owners offer ownership (the member accepts it elsewhere: ownership-offer.ts); everyone may leave. The server has the last word (the last owner stays): its refusal
 * shows on top of the list, word for word.
 */
@customElement('journey-members')
export class MembersList extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      .you {
        color: var(--_muted);
        font-weight: 400;
      }
      .confirm {
        font-weight: 500;
      }
      .transfer {
        margin-top: 1rem;
        padding-top: 0.9rem;
        border-top: 1px solid var(--_border);
        display: grid;
        gap: 0.4rem;
      }
      .transfer label {
        margin: 0;
      }
      .transfer .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .transfer select {
        flex: 1 1 12rem;
        min-width: 0;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) user!: User;
  @property({ attribute: false }) client!: HttpOrgs;

  /** undefined while loading. */
  @state() private members: Member[] | undefined;
  @state() private error = '';
  @state() private done = '';
  /** The member whose removal (or the user's own leaving) waits for a "yes". */
  @state() private confirming: string | null = null;
  @state() private busy: string | null = null;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('org')) void this.load();
  }

  /** Reloads the list (the page calls it when an invitation may have been accepted meanwhile). */
  async load() {
    try {
      this.members = await this.client.members(this.org.id);
    } catch (error) {
      this.members ??= [];
      this.error = errorMessage(error);
    }
  }

  override render() {
    return html`
      <header>
        <h2 id="members-title">Members</h2>
        ${this.members ? html`<span class="meta">${this.members.length} ${this.members.length === 1 ? 'person' : 'people'}</span>` : nothing}
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.members === undefined
        ? html`<p class="meta" role="status">Loading members…</p>`
        : html`<ul aria-labelledby="members-title">${this.members.map((member) => this.row(member))}</ul>`}
      ${this.org.role === 'owner' ? this.transferForm() : nothing}
    `;
  }

  /** Owners: offer ownership to another member. Two steps: it changes nothing until they accept. */
  private transferForm() {
    const candidates = (this.members ?? []).filter((member) => member.role !== 'owner');
    if (candidates.length === 0) return nothing;
    return html`<form class="transfer" @submit=${this.offerOwnership}>
      <label for="transfer-to">Transfer ownership to</label>
      <div class="row">
        <select id="transfer-to" name="userId">
          ${candidates.map((member) => html`<option value=${member.userId}>${member.email}</option>`)}
        </select>
        <button type="submit" class="quiet small" ?disabled=${this.busy !== null}>Offer ownership</button>
      </div>
      <p class="meta">They become owner when they accept; you then become an admin. Until then nothing changes.</p>
    </form>`;
  }

  private row(member: Member) {
    const self = member.userId === this.user.id;
    const manage = canManage(this.org.role, member.role);
    const label = self ? 'Leave' : 'Remove';
    if (this.confirming === member.userId) {
      return html`<li data-email=${member.email}>
        <p class="confirm">${self ? `Leave ${this.org.name}? You lose access to its patterns.` : `Remove ${member.email} from ${this.org.name}?`}</p>
        <div class="controls">
          <button class="danger small" ?disabled=${this.busy !== null} @click=${() => this.removeMember(member)}>
            ${this.busy === member.userId ? 'One moment…' : `Yes, ${label.toLowerCase()}`}
          </button>
          <button class="quiet small" @click=${() => (this.confirming = null)}>Cancel</button>
        </div>
      </li>`;
    }
    return html`<li data-email=${member.email}>
      <div class="who">
        <strong>${member.email}</strong>${self ? html` <span class="you">(you)</span>` : nothing}
        <div class="meta">Joined ${day(member.joinedAt)}</div>
      </div>
      <div class="controls">
        ${manage
          ? html`<label class="visually-hidden" for="role-${member.userId}">Role of ${member.email}</label>
              <select
                id="role-${member.userId}"
                ?disabled=${this.busy !== null}
                @change=${(e: Event) => this.changeRole(member, (e.target as HTMLSelectElement).value as Role, e.target as HTMLSelectElement)}
              >
                ${grantable(this.org.role).map((role) => html`<option value=${role} .selected=${role === member.role}>${role}</option>`)}
              </select>`
          : html`<span class="chip ${member.role === 'member' || member.role === 'viewer' ? 'muted' : ''}">${member.role}</span>`}
        ${self || manage
          ? html`<button class="quiet small" aria-label="${label} ${member.email}" @click=${() => this.ask(member)}>${label}</button>`
          : nothing}
      </div>
    </li>`;
  }

  private ask(member: Member) {
    this.error = '';
    this.done = '';
    this.confirming = member.userId;
  }

  private async changeRole(member: Member, role: Role, select: HTMLSelectElement) {
    this.error = '';
    this.done = '';
    this.busy = member.userId;
    try {
      await this.client.changeRole(this.org.id, member.userId, role);
      this.done = `${member.email} is now ${withArticle(role)}.`;
      // Your own role changed: the page's idea of what you may do changes with it.
      if (member.userId === this.user.id) this.dispatchEvent(orgsChanged({ notice: this.done }));
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
      select.value = member.role; // nothing changed on the server
    } finally {
      this.busy = null;
    }
  }

  /** The offer waits for the member's "yes" (ownership-offer.ts shows it); the page is told to show it. */
  private readonly offerOwnership = async (event: SubmitEvent) => {
    event.preventDefault();
    const userId = new FormData(event.target as HTMLFormElement).get('userId');
    const member = this.members?.find((m) => m.userId === userId);
    if (!member) return;
    this.error = '';
    this.done = '';
    this.busy = member.userId;
    try {
      await this.client.offerOwnership(this.org.id, member.userId);
      this.done = `Ownership offered to ${member.email}: nothing changes until they accept.`;
      this.dispatchEvent(new Event('ownership-offered', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
    }
  };

  private async removeMember(member: Member) {
    const self = member.userId === this.user.id;
    this.busy = member.userId;
    try {
      await this.client.removeMember(this.org.id, member.userId);
      this.confirming = null;
      if (self) {
        this.dispatchEvent(orgsChanged({ notice: `You left ${this.org.name}.` }));
        goHome();
        return;
      }
      this.done = `${member.email} was removed from ${this.org.name}.`;
      await this.load();
    } catch (error) {
      this.confirming = null;
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-members': MembersList;
  }
}
