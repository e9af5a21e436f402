// Handlers beyond HTTP: per-message and per-event code (queues, brokers,
// WebSockets, schedules) holds the loop like a request handler does.

import rule from '../../rules/no-blocking-in-handler.js';
import { createRuleTester } from './rule-tester.js';

const fix = 'use `fs.promises.readFile`';

createRuleTester().run('no-blocking-in-handler (handler families)', rule, {
  valid: [
    // The same calls at start-up.
    `import { readFileSync } from 'node:fs';
import { Server } from 'socket.io';
const motd = readFileSync('motd.txt', 'utf8');
const io = new Server(3000);
io.on('connection', (socket) => socket.emit('motd', motd));`,
    // A family turned off in settings.
    {
      code: `import { readFileSync } from 'node:fs';
import { Worker } from 'bullmq';
new Worker('mail', (job) => readFileSync(job.data.template));`,
      settings: { unblock: { handlerFamilies: { messaging: false } } },
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', () => ws.send(readFileSync('x')));
});`,
      settings: { unblock: { handlerFamilies: { websocket: false } } },
    },
    // A `message` listener on something that is not a ws socket.
    `import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('message', () => readFileSync('x'));`,
    // An unrelated `consume` method.
    `import { readFileSync } from 'node:fs';
const channel = { consume: (queue: string, fn: () => void) => fn() };
channel.consume('orders', () => readFileSync('x'));`,
    // @Cron imported from elsewhere.
    `import { readFileSync } from 'node:fs';
import { Cron } from './my-decorators';
export class Tasks {
  @Cron('* * * * *')
  tick() { return readFileSync('tick'); }
}`,
  ],
  invalid: [
    {
      code: `import { readFileSync } from 'node:fs';
import { Server } from 'socket.io';
const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('chat', (message: string) => {
    socket.emit('echo', readFileSync('motd.txt', 'utf8') + message);
  });
});`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 25, data: { api: 'fs.readFileSync', context: 'socket.io message handler `chat`', fix } }],
    },
    {
      code: `const { readFileSync } = require('fs');
const io = require('socket.io')(3000);
io.on('connection', (socket) => {
  const banner = readFileSync('banner.txt');
  socket.emit('banner', banner);
});`,
      filename: 'server.cjs',
      errors: [{ messageId: 'blockingCall', line: 4, column: 18, data: { api: 'fs.readFileSync', context: 'socket.io connection listener `connection`', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
const wss = new WebSocket.Server({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', () => ws.send(readFileSync('x')));
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 34, data: { api: 'fs.readFileSync', context: 'ws message handler `message`', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { Worker } from 'bullmq';
new Worker('mail', (job) => readFileSync(job.data.template));`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 29, data: { api: 'fs.readFileSync', context: 'BullMQ job processor', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import Queue from 'bull';
const queue = new Queue('video');
queue.process((job) => readFileSync(job.data.path));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 24, data: { api: 'fs.readFileSync', context: 'Bull job processor', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });
await consumer.run({
  eachMessage: ({ message }) => {
    readFileSync(String(message.key));
    return Promise.resolve();
  },
});`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 5, data: { api: 'fs.readFileSync', context: 'kafkajs message handler `eachMessage`', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import amqp from 'amqplib';
const connection = await amqp.connect('amqp://localhost');
const channel = await connection.createChannel();
channel.consume('orders', () => {
  readFileSync('orders.log');
});`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 3, data: { api: 'fs.readFileSync', context: 'amqplib message handler `orders`', fix } }],
    },
    // The callback API: the connection and the channel arrive as callback parameters.
    {
      code: `const { readFileSync } = require('node:fs');
const amqp = require('amqplib/callback_api');
amqp.connect('amqp://localhost', (error, connection) => {
  connection.createChannel((channelError, channel) => {
    channel.consume('orders', (message) => {
      readFileSync(message.content.toString());
    });
  });
});`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 7, data: { api: 'fs.readFileSync', context: 'amqplib message handler `orders`', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { connect } from 'amqplib/callback_api';
connect('amqp://localhost', { heartbeat: 30 }, (error, connection) => {
  connection.createConfirmChannel((channelError, channel) => channel.consume('audit', () => readFileSync('audit.log')));
});`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 93, data: { api: 'fs.readFileSync', context: 'amqplib message handler `audit`', fix } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
@Injectable()
export class Tasks {
  @Cron('0 * * * *')
  hourly() {
    return readFileSync('hourly.json');
  }
  @Interval(5000)
  poll() {
    return readFileSync('poll.json');
  }
}`,
      errors: [
        { messageId: 'blockingCall', line: 8, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS scheduled task `Tasks.hourly (cron)`', fix } },
        { messageId: 'blockingCall', line: 12, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS scheduled task `Tasks.poll (interval)`', fix } },
      ],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
@Controller()
export class Math {
  @MessagePattern({ cmd: 'sum' })
  sum() {
    return readFileSync('sum');
  }
  @EventPattern('user_created')
  created() {
    readFileSync('created');
  }
}`,
      errors: [
        { messageId: 'blockingCall', line: 8, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS message handler `Math.sum (message pattern)`', fix } },
        { messageId: 'blockingCall', line: 12, column: 5, data: { api: 'fs.readFileSync', context: 'NestJS message handler `Math.created (event pattern)`', fix } },
      ],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
@WebSocketGateway()
export class Events {
  @SubscribeMessage('events')
  handle() {
    return readFileSync('events');
  }
}`,
      errors: [{ messageId: 'blockingCall', line: 7, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS message handler `Events.handle (message)`', fix } }],
    },
  ],
});
