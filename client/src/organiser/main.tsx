import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '../i18n/i18n';
import { OrganiserApp } from './app/OrganiserApp';
import '../styles/base.css';
import './organiser.css';
import './conference/responses.css';
import './revision/revision.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <OrganiserApp />
      </LocaleProvider>
    </StrictMode>,
  );
}
