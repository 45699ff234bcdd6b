// Source: https://github.com/llaske/sugarizer/issues/2024
// Bug: fixed twin: the interval id is stored, so the callback (and the screen's teardown) clears the interval it started.
// expect: none

interface PasswordField {
  focus(): void;
}

export class SecuritySettings {
  password: PasswordField | null = null;
  private focusTimer: ReturnType<typeof setInterval> | undefined;

  mounted(): void {
    clearInterval(this.focusTimer);
    this.focusTimer = setInterval(() => {
      if (this.password) {
        this.password.focus();
        clearInterval(this.focusTimer);
      }
    }, 1000);
  }

  destroy(): void {
    clearInterval(this.focusTimer);
  }
}
