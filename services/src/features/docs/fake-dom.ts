/**
 * Just enough of a DOM to run the docs page's script in Node (no browser on the test machines): the
 * calls the script makes, nothing more. A test helper only.
 */
export class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes = new Map<string, string>();
  readonly listeners = new Map<string, (() => void)[]>();
  hidden = false;
  value = '';
  #text = '';

  constructor(readonly tagName: string) {}

  appendChild(child: FakeNode): FakeNode {
    this.children.push(child);
    return child;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }

  get textContent(): string {
    return this.tagName === '#text' ? this.#text : this.children.map((child) => child.textContent).join('');
  }

  set textContent(text: string) {
    this.children.length = 0;
    if (this.tagName === '#text') this.#text = text;
    else if (text !== '') this.children.push(textNode(text));
  }

  /** Every element below this one, depth first. */
  *descendants(): Generator<FakeNode> {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  /** The visible text: hidden elements and their content left out. */
  get visibleText(): string {
    if (this.hidden) return '';
    return this.tagName === '#text' ? this.#text : this.children.map((child) => child.visibleText).join('');
  }
}

function textNode(text: string): FakeNode {
  const node = new FakeNode('#text');
  node.textContent = text;
  return node;
}

/** A document holding the elements the page's HTML gives an id to. */
export function fakeDocument(ids: readonly string[]) {
  const byId = new Map(ids.map((id) => [id, new FakeNode('div')]));
  return {
    title: '',
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => textNode(text),
    getElementById: (id: string) => byId.get(id) ?? null,
    element(id: string): FakeNode {
      const node = byId.get(id);
      if (node === undefined) throw new Error(`no element #${id}`);
      return node;
    },
  };
}
