import App

EventGaragetCommand.main()
