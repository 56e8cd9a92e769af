# Roadmap Coach: a multi-stage build on Node 24, an LTS line (package.json's engines allows 22 and 24). The build
# stage installs every package and bundles src/ into dist/ (npm run build, docs/decisions/019); the deps stage
# installs production packages only (npm ci --omit=dev; better-sqlite3 ships its native binary for Linux x64 and arm64,
# so nothing is compiled); the final stage carries them, the bundle, the migrations and the content, and runs as a
# non-root user.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
# NODE_COMPILE_CACHE: Node keeps V8's compiled code for every module it loads in that folder, filled below while the
# image is built, so the bot does not compile the bundle and Bolt again at each start.
ENV NODE_ENV=production \
    DATABASE_PATH=/data/roadmap-coach.db \
    PORT=3000 \
    NODE_COMPILE_CACHE=/app/.compile-cache
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY content ./content
COPY migrations ./migrations
RUN mkdir -p /data /app/.compile-cache && chown node:node /data /app/.compile-cache
USER node
RUN npm run build:compile-cache
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (not npm, which does not pass signals on): SIGTERM reaches the bot's graceful stop.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js", "start"]
