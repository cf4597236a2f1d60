import { IdSchema } from '../protocol/fields';
import { command } from '../protocol/commandBase';

export const AgendaActivate = command('agenda.activate', { itemId: IdSchema });
