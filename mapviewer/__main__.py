from mapviewer.cli import main

raise SystemExit(main())
