export { DeviceCheck } from './DeviceCheck';
export { MediaView } from './MediaView';
export { mediaSessionOf } from './mediaRegistry';
export { loadDevicePrefs, saveDevicePrefs, type DevicePrefs } from './localMedia';
export { useMediaStrings, mediaStringsFor, type MediaStrings } from './mediaStrings';
