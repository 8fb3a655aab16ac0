/** Small helpers to drive a component's shadow DOM the way a person would. */
export async function mount<T extends HTMLElement>(tag: string, props: Partial<T>): Promise<T> {
  const element = Object.assign(document.createElement(tag), props) as T;
  document.body.append(element);
  await settle(element);
  return element;
}

/** Waits for pending store promises and the re-render they cause. */
export async function settle(element: HTMLElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

export function $<E extends Element = HTMLElement>(element: HTMLElement, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function text(element: HTMLElement): string {
  return (element.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function submit(element: HTMLElement, selector = 'form'): Promise<void> {
  $<HTMLFormElement>(element, selector).requestSubmit();
  await settle(element);
}
