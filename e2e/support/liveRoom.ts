import type { Browser } from 'playwright-core';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TestClient } from '../../server/src/testing/testClient';
import { postJson } from '../../server/src/testing/nodeSessions';
import { HubWithClient, type JoinCode } from './hubWithClient';
import { eventually, launchChromium, openConsole, type Console } from './consoles';

/** A live fixture conference in Chromium: the chair, Thái Nguyên and the display, plus Thái Nguyên's own socket. */
export interface LiveRoom {
  hub: HubWithClient;
  browser: Browser;
  codes: JoinCode[];
  pointSocket: TestClient;
  consoles: Record<'chair' | 'point' | 'display', Console>;
}

export async function openLiveRoom(conferenceId: string): Promise<LiveRoom> {
  const hub = await HubWithClient.start();
  const codes = await hub.createConference(FIXTURE_SETUP, conferenceId);
  const codeOf = (role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';
  const browser = await launchChromium();
  const { token } = (await postJson(hub.url, '/api/sessions', { code: codeOf('point', 'thai-nguyen') })).body as { token: string };
  const pointSocket = await TestClient.connect(hub.url, token, conferenceId);
  const consoles = {
    chair: await openConsole(browser, hub.url, 'chair', codeOf('chair'), { width: 1440, height: 900 }),
    point: await openConsole(browser, hub.url, 'point', codeOf('point', 'thai-nguyen'), { width: 1280, height: 800 }),
    display: await openConsole(browser, hub.url, 'display', codeOf('display'), { width: 1920, height: 1080 }),
  };
  await consoles.chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
  await consoles.chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
  await eventually(() => hub.state(conferenceId).then((s) => s.status), (s) => s === 'live', 'the conference to start');
  return { hub, browser, codes, pointSocket, consoles };
}

export async function closeLiveRoom(room: LiveRoom | undefined): Promise<void> {
  if (!room) return;
  for (const c of Object.values(room.consoles)) await c.context.close();
  room.pointSocket.close();
  await room.browser.close();
  await room.hub.close();
}
