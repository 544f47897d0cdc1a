"""What is kept in the reader's browser and carried between browsers: the one versioned
document (store), each kept request (record), the list of requests (request_list), the
reader's own edits to a draft (edits), and a request to and from a link or a saved
draft (state)."""
