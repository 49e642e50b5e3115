import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { reliabilityApiRef } from '../../api';
import { mockReliabilityApi } from '../../__testUtils__/fixtures';
import { RunbookMarkdown } from './RunbookMarkdown';

const entity = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('RunbookMarkdown', () => {
  it('renders the runbook and resolves relative links against where it was read', async () => {
    const api = mockReliabilityApi();
    api.getRunbookContent.mockResolvedValue({
      markdown: '# Checkout runbook\n\nSee [the dashboards](./dashboards.md).',
      url: 'https://github.com/acme/checkout/blob/main/runbook.md',
    });

    await renderInTestApp(
      <RunbookMarkdown entity={entity} runbookId="abc" title="Runbook" />,
      { apis: [[reliabilityApiRef, api]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Checkout runbook' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /the dashboards/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/checkout/blob/main/dashboards.md',
    );
    expect(api.getRunbookContent).toHaveBeenCalledWith(entity, 'abc');
  });

  it('leaves nothing executable of a hostile runbook in the DOM', async () => {
    const api = mockReliabilityApi();
    api.getRunbookContent.mockResolvedValue({
      markdown: [
        '# Hostile',
        '<script>window.__pwned = true</script>',
        '<img src="x" onerror="window.__pwned = true">',
        '<a href="javascript:window.__pwned=true" onclick="window.__pwned=true">html link</a>',
        '[markdown link](javascript:window.__pwned=true)',
        '<iframe src="javascript:window.__pwned=true"></iframe>',
        '<div onmouseover="window.__pwned=true" style="background:url(javascript:alert(1))">hover</div>',
        '<svg><script>window.__pwned=true</script></svg>',
      ].join('\n\n'),
    });

    const { container } = await renderInTestApp(
      <RunbookMarkdown entity={entity} runbookId="abc" title="Runbook" />,
      { apis: [[reliabilityApiRef, api]] },
    );

    await screen.findByRole('heading', { name: 'Hostile' });
    const section = container.querySelector('section')!;
    expect(
      section.querySelectorAll('script, iframe, object, embed'),
    ).toHaveLength(0);
    for (const element of Array.from(section.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.value).not.toMatch(/javascript:/i);
      }
    }
    expect(section.innerHTML).not.toMatch(/javascript:/i);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    // The text of the links stays readable.
    expect(section.textContent).toContain('markdown link');
    expect(section.textContent).toContain('html link');
  });

  it('says which runbook could not be read', async () => {
    const api = mockReliabilityApi();
    api.getRunbookContent.mockRejectedValue(new Error('not a Markdown file'));

    await renderInTestApp(
      <RunbookMarkdown entity={entity} runbookId="abc" title="Runbook" />,
      { apis: [[reliabilityApiRef, api]] },
    );

    expect(
      await screen.findByText(
        'Could not read the runbook Runbook: not a Markdown file',
      ),
    ).toBeInTheDocument();
  });
});
