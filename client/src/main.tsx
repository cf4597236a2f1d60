import { io } from 'socket.io-client';
import { createRoot } from 'react-dom/client';
console.log(io);
createRoot(document.getElementById('root')!).render(<p>x</p>);
