/** One short confirmation message at a time ("Resident created."). */
class Toast {
  message = $state('');
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, ms = 4000): void {
    this.message = message;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.message = ''), ms);
  }
}
export const toast = new Toast();
