# The hub with its dashboard. Used by docker-compose.yml; configure it with environment variables.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY hub/package.json hub/
COPY dashboard/package.json dashboard/
COPY devices-sim/package.json devices-sim/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
VOLUME /data
EXPOSE 3000 1883
CMD ["npm", "run", "start", "-w", "hub"]
