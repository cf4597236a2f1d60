// What the audit tab loads on first opening, in the chair's console and the organiser workspace: the
// view and its styles (kept out of AuditView itself so the view renders in jsdom tests without a CSS loader).
import './audit.css';

export { AuditView } from './AuditView';
