import type { FastifyInstance } from 'fastify';

/**
 * The console's only script, served as a file so CSP can stay `script-src 'self'` (no inline
 * script): copy buttons (`data-copy="<input id>"`) and confirmation prompts (`data-confirm`).
 * Everything works without it; it only adds convenience.
 */
export const CONSOLE_JS = `
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button) return;
  const field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) return;
  const text = field.value ?? field.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    field.select?.();
    document.execCommand?.('copy');
  }
  const label = button.textContent;
  button.textContent = 'Copied';
  button.setAttribute('aria-live', 'polite');
  setTimeout(() => { button.textContent = label; }, 1500);
});
// Narrow screens show table rows as cards: each cell gets its column's name as a label (CSS shows
// it through ::before), so no page has to repeat its headers by hand.
for (const table of document.querySelectorAll('.table-wrap table')) {
  const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      if (names[i] && !cell.classList.contains('actions') && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[i]);
    });
  }
}
// A file field with data-read-into="<textarea id>" fills the textarea with the file's text (the
// service-account key upload): the form stays urlencoded, the textarea works without script.
document.addEventListener('change', async (event) => {
  const input = event.target instanceof HTMLInputElement && event.target.type === 'file' ? event.target : null;
  const target = input ? document.getElementById(input.getAttribute('data-read-into') ?? '') : null;
  if (!input || !target || !input.files?.[0]) return;
  target.value = await input.files[0].text();
});
document.addEventListener('submit', (event) => {
  const button = event.submitter ?? event.target.querySelector('button[data-confirm]');
  const message = button?.getAttribute?.('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
`;

export function assetRoutes(app: FastifyInstance): void {
  app.get('/assets/console.js', { config: { permission: 'public' } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(CONSOLE_JS),
  );
}
