import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the sign-in page with the app title and the guest provider', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Reliability test app' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // The app loads its features lazily; the sign-in page is the first thing it renders.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Reliability test app' },
        { timeout: 30_000 },
      ),
    ).toBeInTheDocument();
    // The guest provider's card: its title and what it does.
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByText(/Enter as a Guest User/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeEnabled();
    // Nothing failed on the way: no error page or panel instead of the sign-in page.
    expect(screen.queryByText(/Error in |Something went wrong/)).toBeNull();
  }, 60_000);
});
