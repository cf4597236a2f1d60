# The hub image: Node 22 (where mediasoup's prebuilt worker installs), the built client and server.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# The C++ SFU: mediasoup is locked in package-lock.json, but its install script (which fetches mediasoup's own
# prebuilt worker, or builds it) is not allowed to run by package.json's allowScripts; run it here, where the network
# is open. SFU_BACKEND=auto uses the worker when it starts, werift otherwise.
ARG WITH_MEDIASOUP=1
RUN if [ "$WITH_MEDIASOUP" = "1" ] && [ ! -x node_modules/mediasoup/worker/out/Release/mediasoup-worker ]; then \
      (cd node_modules/mediasoup && node npm-scripts.mjs postinstall) || echo "mediasoup worker not installed: werift will be used"; fi
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
# ffmpeg: the livestream of the floor (HLS) and the recordings of speeches; without it the hub runs with both off.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
COPY --from=build /app /app
EXPOSE 3000 40000-40099/udp
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "server/dist/main.cjs"]
