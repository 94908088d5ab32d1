/**
 * The citations under measure headings, enhanced: the link written out in full from the
 * page's own address (so it resolves wherever the site is served, public address set or not),
 * and two buttons, 复制引用 (the whole citation) and 复制链接 (the stable link alone).
 * Without JavaScript the text is still there to select.
 */
export {};

const status = document.getElementById('cite-status');

function say(text: string): void {
  if (status) status.textContent = text;
}

function copyButton(label: string, done: string, what: () => string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite-copy';
  button.textContent = label;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(what());
      button.textContent = '已复制';
      say(done);
      setTimeout(() => (button.textContent = label), 2000);
    } catch {
      say('无法自动复制，请选中文字后复制');
    }
  });
  return button;
}

for (const body of document.querySelectorAll<HTMLElement>('.cite-body')) {
  const text = body.querySelector('.cite-text');
  const link = body.querySelector<HTMLAnchorElement>('.cite-url');
  if (!text || !link) continue;
  link.textContent = link.href;
  if (!navigator.clipboard) continue;
  body.append(copyButton('复制引用', '已复制引用', () => text.textContent ?? ''), copyButton('复制链接', '已复制链接', () => link.href));
}
