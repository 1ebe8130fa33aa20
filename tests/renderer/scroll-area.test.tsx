import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScrollArea } from '../../renderer/components/ScrollArea.js';

/** jsdom has no layout: the widths a browser would measure, for every element. */
function widths(scroll: number, client: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scroll);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(client);
}

afterEach(() => vi.restoreAllMocks());

describe('a table that may scroll sideways', () => {
  it('is a labelled region in the tab order when it is wider than its box', () => {
    widths(1400, 800);
    render(
      <ScrollArea label="Backups">
        <table>
          <tbody>
            <tr>
              <td>x</td>
            </tr>
          </tbody>
        </table>
      </ScrollArea>,
    );
    const region = screen.getByRole('region', { name: 'Backups' });
    expect(region).toHaveAttribute('tabindex', '0');
  });

  it('is neither when it fits', () => {
    widths(800, 800);
    const { container } = render(
      <ScrollArea label="Backups">
        <table />
      </ScrollArea>,
    );
    expect(screen.queryByRole('region')).toBeNull();
    expect(container.firstElementChild).not.toHaveAttribute('tabindex');
  });
});
