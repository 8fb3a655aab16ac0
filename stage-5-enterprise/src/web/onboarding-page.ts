import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Onboarding, OnboardingStep, Org } from '../shared/api';
import { HttpApiKeys } from './api-keys-client';
import { HttpOnboarding } from './onboarding-client';
import { INSTALL_COMMAND, curlExample, sdkExample, type KeyIn } from './onboarding-examples';
import { STEPS, stepIndex } from './onboarding-steps';
import { BRAIN_HREF, replaceRoute } from './route';
import { ApiError } from './store';
import './code-block';
import './connection-test';

/**
 * The getting-started guide, after signup (and whenever it is resumed): welcome; create an API key,
 * shown once; install the SDK and run five lines, or curl; test the connection, which turns green
 * when the server sees the key's first call. Where the person is (the step, the key's id, skipped
 * or done) is saved on the server as they go, so "Skip for now" here and "Resume" anywhere meet.
 * The key itself lives in this component's memory only, until the page is left.
 */
@customElement('journey-onboarding')
export class OnboardingPage extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        max-width: 50rem;
        margin: 0 auto;
      }
      .top {
        display: flex;
        align-items: flex-start;
        justify-content: space-between;
        gap: 0.75rem;
      }
      .eyebrow {
        color: var(--_muted);
        font-size: 0.85rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      h2 {
        font-size: 1.3rem;
        margin-top: 0.15rem;
      }
      ol {
        list-style: none;
        margin: 1.25rem 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 0.5rem;
        counter-reset: step;
      }
      ol li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--_muted);
        padding-top: 0.55rem;
        border-top: 3px solid var(--_border);
      }
      ol li::before {
        counter-increment: step;
        content: counter(step);
        flex-shrink: 0;
        display: grid;
        place-items: center;
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        font-size: 0.78rem;
        background: var(--_surface-sunken);
        border: 1px solid var(--_border);
      }
      ol li.done,
      ol li[aria-current='step'] {
        color: var(--_text);
        border-top-color: var(--_accent);
      }
      ol li.done::before {
        content: '✓';
        color: var(--_on-accent);
        background: var(--_accent);
        border-color: var(--_accent);
      }
      ol li[aria-current='step']::before {
        color: var(--_accent);
        border-color: var(--_accent);
        background: var(--_accent-soft);
      }
      .body {
        display: grid;
        gap: 0.9rem;
      }
      .lead {
        color: var(--_muted);
      }
      .points {
        margin: 0;
        padding-left: 1.2rem;
        display: grid;
        gap: 0.35rem;
      }
      .warning {
        color: var(--_danger);
        font-weight: 600;
      }
      .key {
        display: flex;
        gap: 0.5rem;
      }
      .key input {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.82rem;
      }
      form {
        display: flex;
        gap: 0.5rem;
        align-items: end;
        flex-wrap: wrap;
      }
      form > div {
        flex: 1 1 14rem;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25rem;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        background: none;
        color: var(--_muted);
        border: none;
        border-bottom: 2px solid transparent;
        border-radius: 0;
        margin-bottom: -1px;
        padding: 0.45rem 0.8rem;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--_accent);
        border-bottom-color: var(--_accent);
      }
      [role='tabpanel'] {
        display: grid;
        gap: 0.75rem;
      }
      .note {
        color: var(--_muted);
        font-size: 0.88rem;
      }
      .actions {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        margin-top: 1.25rem;
        padding-top: 1rem;
        border-top: 1px solid var(--_border);
      }
      .actions .end {
        margin-left: auto;
      }
      @media (max-width: 560px) {
        ol {
          grid-template-columns: repeat(4, auto);
        }
        ol li {
          font-size: 0;
          gap: 0;
        }
        ol li[aria-current='step'] {
          font-size: 0.8rem;
          gap: 0.4rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client = new HttpOnboarding();
  @property({ attribute: false }) keys = new HttpApiKeys();

  /** undefined until the server said where this person is. */
  @state() private step: OnboardingStep | undefined = undefined;
  @state() private keyId: string | null = null;
  /** The key, only if it was made on this visit (it is shown once). */
  @state() private key = '';
  @state() private keyName = 'My first program';
  @state() private copied = '';
  @state() private tab: 'sdk' | 'curl' = 'sdk';
  @state() private busy = false;
  @state() private error = '';
  /** The server saw the key's first call (the last step turned green). */
  @state() private firstCallSeen = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  /** Resumes where this person was; a key made in another organization does not come along. */
  private async load() {
    try {
      const saved = await this.client.get();
      const here = saved.orgId === this.org.id && saved.keyId !== null;
      this.keyId = here ? saved.keyId : null;
      this.step = here || stepIndex(saved.step) <= stepIndex('key') ? saved.step : 'key';
    } catch (error) {
      this.step = 'welcome';
      this.error = errorMessage(error);
    }
  }

  private saved(status: Onboarding['status'] = 'active'): Onboarding {
    return { step: this.step ?? 'welcome', status, orgId: this.org.id, keyId: this.keyId };
  }

  /** Moves to a step, and tells the server (a failure to save is shown, not fatal: the guide still works). */
  private async go(step: OnboardingStep) {
    this.step = step;
    this.error = '';
    try {
      await this.client.save(this.saved());
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async skip() {
    try {
      await this.client.save(this.saved('skipped'));
      replaceRoute(BRAIN_HREF);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async connected() {
    this.firstCallSeen = true;
    await this.client.save(this.saved('done')).catch(() => {}); // green already; "done" only changes what the dashboard says
  }

  override render() {
    if (!this.step) return html`<p class="lead" role="status">Loading your guide…</p>`;
    const at = stepIndex(this.step);
    return html`
      <div class="top">
        <div>
          <p class="eyebrow">Getting started · ${this.org.name}</p>
          <h2>${this.heading()}</h2>
        </div>
        <button class="quiet small" @click=${this.skip}>Skip for now</button>
      </div>
      <ol aria-label="Steps">
        ${STEPS.map(
          ({ label }, i) =>
            html`<li class=${i < at ? 'done' : ''} aria-current=${i === at ? 'step' : 'false'}>
              ${label}${i < at ? html`<span class="visually-hidden"> (done)</span>` : nothing}
            </li>`,
        )}
      </ol>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="body">${this.content()}</div>
      <div class="actions">
        ${at > 0 ? html`<button class="quiet" @click=${() => void this.go(STEPS[at - 1]!.step)}>Back</button>` : nothing}
        ${this.forward()}
      </div>
    `;
  }

  private heading(): string {
    switch (this.step) {
      case 'welcome':
        return 'Welcome to Pattern Bot';
      case 'key':
        return 'Create an API key';
      case 'install':
        return 'Install the SDK and run it';
      default:
        return 'Test connection';
    }
  }

  private forward() {
    const next = (step: OnboardingStep, label: string, enabled = true) =>
      html`<button class="end" ?disabled=${!enabled} @click=${() => void this.go(step)}>${label}</button>`;
    switch (this.step) {
      case 'welcome':
        return next('key', 'Get started');
      case 'key':
        return next('install', 'Next: install', this.keyId !== null);
      case 'install':
        return next('test', 'Next: test connection');
      default:
        return html`<button class=${this.firstCallSeen ? 'end' : 'end quiet'} @click=${() => replaceRoute(BRAIN_HREF)}>Go to the dashboard</button>`;
    }
  }

  private content() {
    switch (this.step) {
      case 'welcome':
        return html`<p class="lead">
            ${this.org.name}'s bot answers in this page, and it can answer your programs too. In four short steps:
          </p>
          <ul class="points">
            <li>create an API key, a password for programs;</li>
            <li>install the SDK and run five lines of code (or one curl command);</li>
            <li>watch this page turn green when the server sees your program's first call.</li>
          </ul>
          <p class="note">You can skip this and come back any time from <strong>Getting started</strong>.</p>`;
      case 'key':
        return this.keyStep();
      case 'install':
        return this.installStep();
      default:
        return html`<p class="lead">Run the code from the previous step. The server records your key's first call, and this page hears it from the server.</p>
          <journey-connection-test .orgId=${this.org.id} .keyId=${this.keyId ?? ''} @connected=${this.connected}></journey-connection-test>`;
    }
  }

  private keyStep() {
    if (this.key) {
      return html`<p class="warning">Copy it now: you will not see it again.</p>
        <div class="key">
          <label class="visually-hidden" for="onboarding-key">Your API key</label>
          <input id="onboarding-key" readonly .value=${this.key} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <button type="button" class="quiet" @click=${this.copyKey}>${this.copied || 'Copy'}</button>
        </div>
        <p class="note">It is filled into the code on the next step. Keep it secret, like a password: anyone holding it can teach and chat as ${this.org.name}.</p>`;
    }
    return html`${this.keyId
        ? html`<p class="lead">You made a key here before. It was shown once: if you did not keep it, create another one.</p>`
        : html`<p class="lead">A key lets a program teach and chat with ${this.org.name}'s patterns. Name it after the program that will use it.</p>`}
      <form novalidate @submit=${this.createKey}>
        <div>
          <label for="onboarding-key-name">Key name</label>
          <input id="onboarding-key-name" autocomplete="off" maxlength="100" .value=${this.keyName} @input=${(e: Event) => (this.keyName = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Creating…' : this.keyId ? 'Create another key' : 'Create key'}</button>
      </form>`;
  }

  private installStep() {
    const keyIn: KeyIn = this.key ? { key: this.key } : { env: 'JOURNEY_API_KEY' };
    const base = location.origin;
    return html`${this.key
        ? nothing
        : html`<p class="note">Your key was shown once, when you made it: the code reads it from <code>JOURNEY_API_KEY</code>. Lost it? Go back and create another.</p>`}
      <div role="tablist" aria-label="How to call the API">
        ${this.tabButton('sdk', 'Node.js SDK')} ${this.tabButton('curl', 'curl')}
      </div>
      ${this.tab === 'sdk'
        ? html`<div role="tabpanel" id="panel-sdk" aria-labelledby="tab-sdk">
            <journey-code-block label="Terminal" .code=${INSTALL_COMMAND}></journey-code-block>
            <p class="note">Save this as <code>hello.mjs</code> and run <code>node hello.mjs</code> (Node 20 or later):</p>
            <journey-code-block label="hello.mjs" .code=${sdkExample(keyIn, base)}></journey-code-block>
          </div>`
        : html`<div role="tabpanel" id="panel-curl" aria-labelledby="tab-curl">
            <p class="note">The same chat from any language: one HTTP request with your key.</p>
            <journey-code-block label="Terminal" .code=${curlExample(keyIn, base)}></journey-code-block>
          </div>`}`;
  }

  private tabButton(tab: 'sdk' | 'curl', label: string) {
    return html`<button role="tab" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'} @click=${() => (this.tab = tab)}>
      ${label}
    </button>`;
  }

  private async createKey(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const { apiKey, key } = await this.keys.create(this.org.id, this.keyName);
      this.key = key;
      this.keyId = apiKey.id;
      await this.client.save(this.saved());
    } catch (error) {
      this.error = error instanceof ApiError && error.fields.name ? error.fields.name : errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async copyKey() {
    try {
      await navigator.clipboard.writeText(this.key);
      this.copied = 'Copied';
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#onboarding-key')?.select();
      this.copied = 'Press Ctrl+C';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-onboarding': OnboardingPage;
  }
}
