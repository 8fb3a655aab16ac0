import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { theme } from '@journey/ui';
import type { Org } from '../shared/api';
import { ORGANIZATION_HREF } from './route';

/**
 * In place of the teach form, for viewers: what they may do, and whom to ask for more. The page
 * hides teaching, editing, deleting and importing from them; the server refuses those (403) anyway.
 */
@customElement('journey-viewer-note')
export class ViewerNote extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        gap: 0.45rem;
        background: var(--_surface-sunken);
        box-shadow: none;
      }
      p {
        color: var(--_muted);
        font-size: 0.92rem;
      }
      a {
        color: var(--_accent);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;

  override render() {
    return html`
      <h2>You can read and chat</h2>
      <p>
        You are a <strong>viewer</strong> in ${this.org.name}: you chat with its bot and read its patterns, but teaching,
        editing, deleting and importing are for members. Ask an admin or an owner to make you a member
        (<a href=${ORGANIZATION_HREF}>see who</a>).
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-viewer-note': ViewerNote;
  }
}
