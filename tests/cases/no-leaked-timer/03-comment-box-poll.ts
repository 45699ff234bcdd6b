// Source: https://github.com/bryantheastronaut/mernCommentBox/pull/14
// Bug: the comment box polled the server with a setInterval started on mount whose handle was dropped, so after unmount it kept requesting every few seconds.
// expect: no-leaked-timer/intervalNeverCleared 22:5

interface CommentBoxProps {
  url: string;
  pollInterval: number;
}

export class CommentBox {
  comments: unknown[] = [];

  constructor(readonly props: CommentBoxProps) {}

  loadComments = async (): Promise<void> => {
    const response = await fetch(this.props.url);
    this.comments = (await response.json()) as unknown[];
  };

  componentDidMount(): void {
    void this.loadComments();
    setInterval(this.loadComments, this.props.pollInterval);
  }
}
