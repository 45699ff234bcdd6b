// Source: https://github.com/apache/fineract-backoffice-ui/issues/423
// Bug: the header started a one-minute clock interval on init and never kept its handle, so every sign-out and sign-in left one more interval writing to a destroyed header.
// expect: no-leaked-timer/intervalNeverCleared 13:5

export class HeaderComponent {
  renderTime = '';

  ngOnInit(): void {
    const updateTime = (): void => {
      this.renderTime = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    };
    updateTime();
    setInterval(updateTime, 60_000);
  }
}
