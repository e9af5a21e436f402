// Tasks waiting for a worker, first in first out. An array with a moving head:
// push and shift are O(1) and a burst of a million tasks costs one array, not
// a million nodes. Requeued tasks (from a worker that died or was stolen
// from) go back to the front; aborts remove from the middle, which is O(n)
// but only happens to tasks that are still waiting.

export class TaskQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Puts `items` back at the front, in their given order. */
  unshiftAll(items: readonly T[]): void {
    if (items.length === 0) return;
    if (this.head >= items.length) {
      this.head -= items.length;
      for (let i = 0; i < items.length; i++) this.items[this.head + i] = items[i];
    } else {
      this.items = [...items, ...this.items.slice(this.head)];
      this.head = 0;
    }
  }

  remove(item: T): boolean {
    const index = this.items.indexOf(item, this.head);
    if (index === -1) return false;
    this.items.splice(index, 1);
    return true;
  }

  /** Empties the queue and returns what it held, oldest first. */
  drain(): T[] {
    const items = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return items;
  }
}
