import sleep from 'sleep';

export async function drip(lines, write) {
  for (const line of lines) {
    write(line);
    sleep.msleep(10);
  }
  sleep.sleep(1);
  sleep.usleep(500 + lines.length);
}
