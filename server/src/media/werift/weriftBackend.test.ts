import { createWeriftBackend } from './weriftBackend';
import { describeSfuBackendContract } from '../testing/sfuBackendContract';

describeSfuBackendContract('werift', () => createWeriftBackend({ listenIp: '127.0.0.1', portMin: 42_000, portMax: 42_199 }));
