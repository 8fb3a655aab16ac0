import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { PATTERNS_CHANGED, errorMessage, pageButtons, type TeachForm } from '@journey/ui';
import '@journey/ui';
import { downloadText, today } from './download';
import type { HttpPatternStore } from './store';
import { STAGE } from '../shared/stage';
import type { Org, Pattern, Usage, User } from '../shared/api';
import type { HttpAuth } from './auth-client';
import type { HttpOrgs } from './orgs-client';
import type { HttpBilling } from './billing-client';
import type { UpgradeDialog } from './upgrade-dialog';
import { OPEN_PLANS, ORGS_CHANGED, RESET_DONE, SIGNED_IN, SIGNED_OUT, SIGNED_UP, type OrgsChange } from './events';
import { ANALYTICS_HREF, API_KEYS_HREF, BILLING_HREF, BRAIN_HREF, GETTING_STARTED_HREF, ORGANIZATION_HREF, SUPPORT_HREF, currentRoute, goHome, replaceRoute, type Route } from './route';
import { planLabel } from './plan-table';
import { atLeast } from './roles';
import './account-header';
import './auth-page';
import './org-switcher';
import './org-page';
import './accept-page';
import './create-org-form';
import './usage-panel';
import './upgrade-dialog';
import './billing-demo-page';
import './past-due-banner';
import './api-keys-page';
import './support-form';
import './suspended-notice';
import './viewer-note';
import './onboarding-page';
import './getting-started-card';

/** One-click first messages; the example patterns answer them. */
const SUGGESTIONS = ['hello', 'my name is Ada', 'what can you do'];

type Notice = { kind: 'error' | 'success'; text: string };

/**
 * The page. Signed in: the header with import/export and the account; the organization switcher;
 * a past-due banner when its payment failed, or a notice when the platform suspended it; then the
 * tabs: the active organization's brain (chat, teach form, pattern list), its members, its plan
 * and usage, its API keys (admins and owners) and "Contact support". A refused action (402
 * plan_limit) opens the upgrade dialog. A new account starts in the getting-started guide (admins
 * and owners have it under "Getting started"; the brain shows it until the first API call).
 * Signed out (or with a reset link): the sign-in page. An invitation link: the accept page.
 * /admin: the platform admin panel.
 */
@customElement('journey-app')
export class JourneyApp extends LitElement {
  static override styles = [
    pageButtons,
    css`
      :host {
        display: block;
        max-width: 72rem;
        margin: 0 auto;
        padding: clamp(0.75rem, 3vw, 2rem);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        flex-wrap: wrap;
        margin-bottom: 1.5rem;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }
      .logo {
        width: 2.5rem;
        height: 2.5rem;
        flex-shrink: 0;
      }
      h1 {
        margin: 0;
        font-size: 1.35rem;
        letter-spacing: -0.02em;
      }
      .stage {
        margin: 0;
        color: var(--journey-muted);
        font-size: 0.9rem;
      }
      .stage strong {
        color: var(--journey-accent);
      }
      .stage span {
        display: inline-block; /* moves to its own line as a whole, and wraps inside only if it must */
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .account {
        flex: 1 1 20rem;
        display: flex;
        align-items: center;
        justify-content: flex-end;
        flex-wrap: wrap-reverse;
        gap: 0.75rem 1.25rem;
        min-width: 0;
      }
      journey-org-switcher {
        margin: -0.25rem 0 1rem;
      }
      nav {
        display: flex;
        gap: 0.25rem;
        margin: -0.5rem 0 1.25rem;
        border-bottom: 1px solid var(--journey-border);
        overflow-x: auto;
      }
      nav a {
        padding: 0.55rem 0.9rem;
        color: var(--journey-muted);
        font-weight: 600;
        font-size: 0.95rem;
        text-decoration: none;
        border-bottom: 2px solid transparent;
        margin-bottom: -1px;
        white-space: nowrap;
      }
      nav a[aria-current='page'] {
        color: var(--journey-accent);
        border-bottom-color: var(--journey-accent);
      }
      @media (max-width: 480px) {
        /* Five tabs do not fit a phone's width: they wrap onto a second row rather than hide off-screen. */
        nav {
          gap: 0 0.5rem;
          flex-wrap: wrap;
          overflow-x: visible;
        }
        nav a {
          padding: 0.45rem 0.3rem;
          font-size: 0.88rem;
        }
      }
      nav a:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--journey-accent) 45%, transparent);
        outline-offset: -3px;
      }
      journey-usage {
        max-width: 40rem;
      }
      journey-analytics {
        max-width: 60rem;
      }
      .no-org {
        max-width: 28rem;
        margin: 0 auto;
        display: grid;
        gap: 1rem;
      }
      .no-org p {
        margin: 0;
        color: var(--journey-muted);
        text-align: center;
      }
      .checking {
        text-align: center;
        color: var(--journey-muted);
      }
      .actions button {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      .actions svg {
        width: 1.05rem;
        height: 1.05rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      .notice {
        display: flex;
        align-items: flex-start;
        justify-content: space-between;
        gap: 0.75rem;
        margin: 0 0 1.25rem;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        border: 1px solid;
      }
      .notice.error {
        color: var(--journey-danger);
        border-color: color-mix(in srgb, var(--journey-danger) 35%, transparent);
        background: color-mix(in srgb, var(--journey-danger) 7%, var(--journey-surface));
      }
      .notice.success {
        color: var(--journey-success);
        border-color: color-mix(in srgb, var(--journey-success) 35%, transparent);
        background: color-mix(in srgb, var(--journey-success) 7%, var(--journey-surface));
      }
      .notice button {
        font: inherit;
        background: none;
        border: none;
        color: inherit;
        cursor: pointer;
        font-size: 1.25rem;
        line-height: 1;
        padding: 0 0.25rem;
      }
      main {
        display: grid;
        grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      journey-chat-panel {
        position: sticky;
        top: 1rem;
        height: min(calc(100vh - 2rem), 44rem);
      }
      .side {
        display: grid;
        gap: 1.25rem;
      }
      footer {
        margin-top: 2rem;
        text-align: center;
        color: var(--journey-muted);
        font-size: 0.85rem;
      }
      @media (max-width: 820px) {
        main {
          grid-template-columns: minmax(0, 1fr);
        }
        journey-chat-panel {
          position: static;
          height: auto;
        }
      }
    `,
  ];

  @property({ attribute: false }) store!: HttpPatternStore;
  @property({ attribute: false }) auth!: HttpAuth;
  @property({ attribute: false }) orgsClient!: HttpOrgs;
  @property({ attribute: false }) billing!: HttpBilling;

  /** undefined while asking the server; null when nobody is signed in. */
  @state() private user: User | null | undefined = undefined;
  @state() private route: Route = currentRoute();
  /** The user's organizations (undefined until loaded), and the one the session acts on. */
  @state() private orgs: Org[] | undefined = undefined;
  @state() private activeOrgId: string | null = null;

  @state() private patterns: Pattern[] = [];
  /** Where the next page of the pattern list starts; null when all are shown. */
  @state() private nextCursor: string | null = null;
  @state() private notice: Notice | null = null;
  /** The active organization's plan and this month's use; undefined until loaded. */
  @state() private usage: Usage | undefined = undefined;
  /** Switched, left or deleted, and not read again yet: the organization shown may be gone. */
  @state() private orgsStale = false;

  @query('input[type=file]') private fileInput!: HTMLInputElement;
  @query('journey-upgrade-dialog') private upgradeDialog?: UpgradeDialog;
  @query('journey-teach-form') private teachForm?: TeachForm;

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener(PATTERNS_CHANGED, () => void this.refresh());
    // Before SIGNED_IN: a new account opens on the getting-started guide (an invitation's accept page keeps its own flow).
    this.addEventListener(SIGNED_UP, () => this.route.page !== 'invite' && replaceRoute(GETTING_STARTED_HREF));
    this.addEventListener(SIGNED_IN, (event) => this.signedIn(event.detail));
    this.addEventListener(SIGNED_OUT, () => this.signedOut());
    this.addEventListener(RESET_DONE, () => this.resetDone());
    this.addEventListener(ORGS_CHANGED, (event) => void this.orgsChanged(event.detail));
    this.addEventListener(OPEN_PLANS, () => void this.upgradeDialog?.show());
    // The tabs, and a reset link opened while the page is already open, change only the #fragment.
    window.addEventListener('hashchange', this.readRoute);
    void this.start();
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.readRoute);
    super.disconnectedCallback();
  }

  /**
   * "Teach this" (analytics) links to /#teach=<question>: once the chat and its teach form are on
   * the page, the form opens on that trigger and the address goes back to the chat's.
   */
  override updated() {
    const route = this.route;
    if (route.page !== 'brain' || route.teach === undefined || !this.teachForm) return;
    void this.teachForm.prefill(route.teach);
    replaceRoute(BRAIN_HREF);
  }

  private readonly readRoute = () => {
    this.route = currentRoute();
    if (!this.user) return;
    if (this.route.page === 'billing' && this.route.paid) void this.confirmPayment();
    // Chats and other members' teaching move the figures meanwhile: "Plan and usage" shows them fresh.
    else if (this.route.page === 'billing' || this.route.page === 'billing-demo') void this.loadUsage();
  };

  private async loadUsage() {
    if (!this.activeOrgId) return;
    try {
      this.usage = await this.billing.usage(this.activeOrgId);
    } catch (error) {
      this.notice = { kind: 'error', text: errorMessage(error) };
    }
  }

  private async start() {
    try {
      this.user = await this.auth.currentUser();
      if (this.user) await this.refresh();
      if (this.user && this.route.page === 'billing' && this.route.paid) await this.confirmPayment();
    } catch (error) {
      this.user = null;
      this.notice = { kind: 'error', text: errorMessage(error) };
    }
  }

  /**
   * The store calls this when the server says 402 plan_limit (teach, import or chat): the upgrade
   * dialog opens with the server's reason, over fresh usage figures.
   */
  planLimited(error: Error) {
    void this.refresh();
    void this.upgradeDialog?.show(error.message);
  }

  /**
   * Back from Stripe Checkout (`#billing=success`). The redirect proves nothing: the plan changes when
   * Stripe's webhook arrives, which may be a moment later. So: read usage until the plan shows.
   */
  private async confirmPayment() {
    replaceRoute(BILLING_HREF); // a reload should not say "thank you" again
    this.notice = { kind: 'success', text: 'Payment received, thank you. Waiting for Stripe to confirm the new plan…' };
    for (let attempt = 0; attempt < 10; attempt++) {
      await this.refresh();
      if (this.usage && this.usage.paidPlan !== 'free') {
        this.notice = { kind: 'success', text: `Payment received, thank you: ${this.activeOrg?.name} is on the ${planLabel(this.usage.paidPlan)} plan now.` };
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    this.notice = { kind: 'error', text: 'Stripe has not confirmed the payment yet. The plan changes as soon as it does: reload this page in a minute.' };
  }

  /** The store calls this when the server says 401: the session expired or ended elsewhere. */
  sessionEnded() {
    if (!this.user) return;
    this.signedOut();
    this.notice = { kind: 'error', text: 'Your session has ended. Please sign in again.' };
  }

  private signedIn(user: User) {
    if (this.route.page === 'reset') goHome(); // signed in without the link ("Back to sign in")
    this.user = user;
    this.notice = null;
    void this.refresh();
  }

  private signedOut() {
    this.user = null;
    this.orgs = undefined;
    this.activeOrgId = null;
    this.patterns = [];
    this.nextCursor = null;
    this.notice = null;
    this.usage = undefined;
  }

  /** The new password is set and every session ended: forget the link, show sign-in. */
  private resetDone() {
    goHome();
    this.signedOut();
  }

  /** Switched, created, joined, left or deleted: the organizations and the brain are read again. */
  private async orgsChanged(change: OrgsChange) {
    this.notice = change.notice ? { kind: 'success', text: change.notice } : null;
    this.patterns = [];
    this.nextCursor = null;
    this.usage = undefined;
    this.orgsStale = true;
    await this.refresh();
    this.orgsStale = false;
  }

  private get activeOrg(): Org | undefined {
    return this.orgs?.find((org) => org.id === this.activeOrgId);
  }

  override render() {
    return html`
      <header>
        <div class="brand">
          <svg class="logo" viewBox="0 0 40 40" aria-hidden="true">
            <rect width="40" height="40" rx="11" fill="var(--journey-accent)" />
            <path d="M11 14.5a4.5 4.5 0 0 1 4.5-4.5h9a4.5 4.5 0 0 1 4.5 4.5v7a4.5 4.5 0 0 1-4.5 4.5H19l-5 4v-4.2a4.5 4.5 0 0 1-3-4.3Z" fill="#fff" />
            <circle cx="16.5" cy="18" r="1.6" fill="var(--journey-accent)" />
            <circle cx="23.5" cy="18" r="1.6" fill="var(--journey-accent)" />
          </svg>
          <div>
            <h1>Pattern Bot</h1>
            <p class="stage"><strong>Stage ${STAGE.number} · ${STAGE.name}</strong> <span>— ${STAGE.tagline}</span></p>
          </div>
        </div>
        ${this.user && this.route.page === 'admin' ? html`<journey-account-header .user=${this.user} .auth=${this.auth}></journey-account-header>` : nothing}
        ${this.user && this.route.page !== 'reset' && this.route.page !== 'invite' && this.route.page !== 'admin' ? this.signedInActions(this.user) : nothing}
      </header>
      ${this.notice
        ? html`<div class="notice ${this.notice.kind}" role=${this.notice.kind === 'error' ? 'alert' : 'status'}>
            <span>${this.notice.text}</span>
            <button aria-label="Dismiss" @click=${() => (this.notice = null)}>×</button>
          </div>`
        : nothing}
      ${this.content()}
    `;
  }

  private content() {
    if (this.user === undefined) return html`<p class="checking" role="status">Checking your session…</p>`;
    const route = this.route;
    if (route.page === 'invite') {
      return html`<journey-accept-page
        .user=${this.user}
        .auth=${this.auth}
        .client=${this.orgsClient}
        .token=${route.token}
      ></journey-accept-page>`;
    }
    if (this.user === null || route.page === 'reset') {
      return html`<journey-auth-page
        .auth=${this.auth}
        .mode=${route.page === 'reset' ? 'reset' : 'sign-in'}
        .resetToken=${route.page === 'reset' ? route.token : ''}
      ></journey-auth-page>`;
    }
    if (route.page === 'admin') {
      // Loaded only here: the panel (and its chart library) is not in the bundle everyone downloads.
      void import('./admin-panel');
      return html`<journey-admin-panel .user=${this.user}></journey-admin-panel>`;
    }
    if (this.orgs === undefined) return html`<p class="checking" role="status">Loading your organizations…</p>`;
    const org = this.activeOrg;
    if (!org) {
      return html`<div class="no-org">
        <p>You belong to no organization now. Create one, or open an invitation link someone sent you.</p>
        <journey-create-org .client=${this.orgsClient} heading="Create an organization"></journey-create-org>
      </div>`;
    }
    const tab =
      route.page === 'organization'
        ? 'members'
        : route.page === 'billing' || route.page === 'billing-demo'
          ? 'billing'
          : route.page === 'api-keys' && atLeast(org.role, 'admin')
            ? 'api-keys'
            : route.page === 'getting-started' && atLeast(org.role, 'admin')
              ? 'getting-started'
              : route.page === 'support'
                ? 'support'
                : route.page === 'analytics' && atLeast(org.role, 'admin')
                  ? 'analytics'
                  : 'brain';
    const current = (name: string) => (tab === name ? 'page' : 'false');
    return html`
      <journey-org-switcher .orgs=${this.orgs} .activeOrgId=${this.activeOrgId} .client=${this.orgsClient}></journey-org-switcher>
      <journey-past-due .org=${org} .usage=${this.usage} .billing=${this.billing}></journey-past-due>
      ${keyed(org.id, html`<journey-suspended-notice .org=${org}></journey-suspended-notice>`)}
      <nav aria-label="Sections">
        <a href=${BRAIN_HREF} aria-current=${current('brain')}>Chat and patterns</a>
        <a href=${ORGANIZATION_HREF} aria-current=${current('members')}>Members</a>
        <a href=${BILLING_HREF} aria-current=${current('billing')}>Plan and usage</a>
        ${atLeast(org.role, 'admin') ? html`<a href=${API_KEYS_HREF} aria-current=${current('api-keys')}>API keys</a>` : nothing}
        ${atLeast(org.role, 'admin') ? html`<a href=${ANALYTICS_HREF} aria-current=${current('analytics')}>Analytics</a>` : nothing}
        <a href=${SUPPORT_HREF} aria-current=${current('support')}>Support</a>
        ${atLeast(org.role, 'admin') ? html`<a href=${GETTING_STARTED_HREF} aria-current=${current('getting-started')}>Getting started</a>` : nothing}
      </nav>
      ${keyed(org.id, this.tabContent(route, org))}
      <journey-upgrade-dialog .org=${org} .usage=${this.usage} .billing=${this.billing}></journey-upgrade-dialog>
    `;
  }

  /** The open tab, for the active organization (keyed by it: a switch starts each afresh). */
  private tabContent(route: Route, org: Org) {
    switch (route.page) {
      case 'organization':
        return html`<journey-org-page .org=${org} .user=${this.user} .client=${this.orgsClient}></journey-org-page>`;
      case 'billing':
        return html`<journey-usage .org=${org} .usage=${this.usage} .billing=${this.billing}></journey-usage>`;
      case 'billing-demo':
        return html`<journey-billing-demo .org=${org} .usage=${this.usage} .billing=${this.billing} .wanted=${route.plan}></journey-billing-demo>`;
      case 'api-keys':
        // API keys are for admins and owners: members get no tab (and the server answers them 403).
        return atLeast(org.role, 'admin') ? html`<journey-api-keys-page .org=${org}></journey-api-keys-page>` : this.brain(org);
      case 'getting-started':
        return atLeast(org.role, 'admin') ? html`<journey-onboarding .org=${org}></journey-onboarding>` : this.brain(org);
      case 'support':
        return html`<journey-support-form .org=${org} .user=${this.user}></journey-support-form>`;
      case 'analytics':
        // Admins and owners (the server answers others 403). Loaded only here, with its chart library.
        if (!atLeast(org.role, 'admin')) return this.brain(org);
        void import('./analytics-page');
        return html`<journey-analytics .org=${org}></journey-analytics>`;
      default:
        return this.brain(org);
    }
  }

  /** The active organization's one brain; above it, for admins and owners, the guide until the first API call. Viewers chat and read: no teach form, no edit or delete buttons. */
  private brain(org: Org) {
    const teaches = atLeast(org.role, 'member');
    return html`
      ${atLeast(org.role, 'admin') && !this.orgsStale ? html`<journey-getting-started .org=${org}></journey-getting-started>` : nothing}
      <main>
        <journey-chat-panel
          .store=${this.store}
          .patterns=${this.patterns}
          .suggestions=${this.patterns.length ? SUGGESTIONS : []}
        ></journey-chat-panel>
        <div class="side">
          ${teaches
            ? html`<journey-teach-form .store=${this.store}></journey-teach-form>`
            : html`<journey-viewer-note .org=${org}></journey-viewer-note>`}
          <journey-pattern-list
            .store=${this.store}
            .patterns=${this.patterns}
            ?hasMore=${this.nextCursor !== null}
            ?readonly=${!teaches}
            @load-more=${this.loadMore}
          ></journey-pattern-list>
        </div>
      </main>
      <footer>These patterns belong to ${org.name}: its members share them, and nobody outside it can see them.</footer>
    `;
  }

  private signedInActions(user: User) {
    // Viewers may export (it is reading) but not import.
    const imports = !this.activeOrg || atLeast(this.activeOrg.role, 'member');
    return html`<div class="account">
        <div class="actions">
          <button class="secondary" @click=${this.exportPatterns}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 4v11 M7 10l5 5 5-5 M5 20h14" /></svg>Export
          </button>
          ${imports
            ? html`<button class="secondary" @click=${() => this.fileInput.click()}>
                  <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 15V4 M7 9l5-5 5 5 M5 20h14" /></svg>Import…
                </button>
                <input type="file" accept=".json,application/json" hidden @change=${this.importPatterns} />`
            : nothing}
        </div>
        <journey-account-header .user=${user} .auth=${this.auth}></journey-account-header>
      </div>`;
  }

  /**
   * Reloads the organizations, then the active one's list, as many pages as were shown (after a
   * change, the rows stay where they were).
   */
  private async refresh() {
    try {
      const { orgs, activeOrgId } = await this.orgsClient.list();
      this.orgs = orgs;
      this.activeOrgId = activeOrgId;
      if (!activeOrgId) return; // no organization: the page offers to create one
      const shown = this.patterns.length;
      let page = await this.store.listPage();
      const patterns = page.patterns;
      while (page.nextCursor && patterns.length < shown) {
        page = await this.store.listPage(page.nextCursor);
        patterns.push(...page.patterns);
      }
      this.patterns = patterns;
      this.nextCursor = page.nextCursor;
      // Usage is read with the list: the bars, the banner and the dialog show what a teach just did.
      this.usage = await this.billing.usage(activeOrgId);
    } catch (error) {
      this.notice = { kind: 'error', text: errorMessage(error) };
    }
  }

  private async loadMore() {
    try {
      const page = await this.store.listPage(this.nextCursor);
      this.patterns = [...this.patterns, ...page.patterns];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.notice = { kind: 'error', text: errorMessage(error) };
    }
  }

  private async exportPatterns() {
    try {
      const file = await this.store.exportFile();
      downloadText(`patterns-${today()}.json`, JSON.stringify(file, null, 2));
      this.notice = { kind: 'success', text: `Exported ${count(file.patterns.length)}.` };
    } catch (error) {
      this.notice = { kind: 'error', text: errorMessage(error) }; // the server could not be reached
    }
  }

  private async importPatterns() {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = ''; // choosing the same file again fires `change` again
    if (!file) return;
    try {
      const added = await this.store.importFile(await file.text());
      this.notice = { kind: 'success', text: `Imported ${count(added)} from ${file.name}.` };
      await this.refresh();
    } catch (error) {
      this.notice = { kind: 'error', text: `${errorMessage(error)} Your patterns were not changed.` };
    }
  }
}

const count = (n: number) => `${n} pattern${n === 1 ? '' : 's'}`;

declare global {
  interface HTMLElementTagNameMap {
    'journey-app': JourneyApp;
  }
}
