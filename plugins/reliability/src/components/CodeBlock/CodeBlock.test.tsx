import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CodeBlock, splitYamlComment } from './CodeBlock';

const TEXT = `metadata:
  annotations:
    # SLO files, relative to this file
    reliability/slos: ./slos.yaml   # or an https URL`;

describe('splitYamlComment', () => {
  it('splits at a # that starts the line or follows a space', () => {
    expect(splitYamlComment('  # a comment')).toEqual(['  ', '# a comment']);
    expect(splitYamlComment('key: value # why')).toEqual([
      'key: value ',
      '# why',
    ]);
  });

  it('keeps a # inside a word, e.g. a URL fragment, as content', () => {
    expect(splitYamlComment('url: https://x.example/a#b')).toEqual([
      'url: https://x.example/a#b',
      '',
    ]);
  });
});

describe('CodeBlock', () => {
  it('is a named scroll region that the keyboard reaches, before its copy button', async () => {
    await renderInTestApp(
      <>
        <button>before</button>
        <CodeBlock label="catalog-info.yaml" text={TEXT} />
      </>,
    );
    const region = screen.getByRole('region', { name: 'catalog-info.yaml' });
    expect(region.tagName).toBe('PRE');
    expect(region.textContent).toBe(TEXT);

    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.tab();
    expect(region).toHaveFocus();
    await userEvent.tab();
    expect(
      screen.getByRole('button', { name: 'Copy catalog-info.yaml' }),
    ).toHaveFocus();
  });

  it('sets comments apart from the content they follow', async () => {
    await renderInTestApp(<CodeBlock label="snippet" text={TEXT} />);
    const region = screen.getByRole('region', { name: 'snippet' });
    const comment = within(region).getByText('# or an https URL');
    expect(comment.tagName).toBe('SPAN');
    expect(comment.parentElement!.textContent).toContain(
      'reliability/slos: ./slos.yaml',
    );
  });

  it('marks highlighted lines and numbers lines without making the numbers part of the text', async () => {
    await renderInTestApp(
      <CodeBlock
        label="snippet"
        text={TEXT}
        showLineNumbers
        highlightedLines={[4]}
      />,
    );
    const region = screen.getByRole('region', { name: 'snippet' });
    const marks = region.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe(
      '4    reliability/slos: ./slos.yaml   # or an https URL',
    );
    const numbers = region.querySelectorAll('[aria-hidden="true"]');
    expect([...numbers].map(n => n.textContent)).toEqual(['1', '2', '3', '4']);
  });
});
