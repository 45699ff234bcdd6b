// Source: https://github.com/apache/fineract-backoffice-ui/pull/426
// Bug: fixed twin: the header keeps the interval id in a field and clears it when it is destroyed.
// expect: none

export class HeaderComponent {
  renderTime = '';
  private clock: ReturnType<typeof setInterval> | null = null;

  ngOnInit(): void {
    const updateTime = (): void => {
      this.renderTime = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    };
    updateTime();
    if (this.clock === null) this.clock = setInterval(updateTime, 60_000);
  }

  ngOnDestroy(): void {
    if (this.clock !== null) clearInterval(this.clock);
    this.clock = null;
  }
}
