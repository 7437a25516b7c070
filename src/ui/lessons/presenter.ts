/**
 * Presenter mode: the page full screen when the browser allows it (the layout works without it:
 * a projector may refuse, an embedded page may not be allowed), large type, editing chrome
 * hidden, the narration as a caption under the stage (CSS: .app.is-presenting).
 */
import { lessonUi } from '../lessonEntry';

let tookFullscreen = false;

function onFullscreenChange() {
  // Leaving full screen with Esc (the browser's own key) leaves presenter mode too.
  if (!document.fullscreenElement && tookFullscreen) {
    tookFullscreen = false;
    lessonUi.setState({ presenting: false });
  }
}

export function startPresenting(): void {
  lessonUi.setState({ presenting: true });
  document.removeEventListener('fullscreenchange', onFullscreenChange);
  document.addEventListener('fullscreenchange', onFullscreenChange);
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function')
    root.requestFullscreen().then(
      () => {
        tookFullscreen = true;
      },
      () => undefined, // refused (no user gesture, a policy): presenter mode without it
    );
}

export function stopPresenting(): void {
  lessonUi.setState({ presenting: false });
  if (document.fullscreenElement && tookFullscreen)
    void document.exitFullscreen().catch(() => undefined);
  tookFullscreen = false;
}
